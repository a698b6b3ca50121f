import { useId, useState, type FormEvent } from 'react';
import { errorMessage, type ApiClient } from '../api/client';
import { parseParameters } from '../api/parameters';
import {
  COMMAND_LABELS,
  COMMANDS,
  type CommandName,
  type CommandRecord,
  type Vehicle,
} from '../api/types';
import { CommandResult } from './CommandResult';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; record: CommandRecord }
  | { kind: 'error'; message: string };

interface CommandFormProps {
  vehicle: Vehicle;
  client: ApiClient;
}

export function CommandForm({ vehicle, client }: CommandFormProps) {
  const id = useId();
  const [command, setCommand] = useState<CommandName>(COMMANDS[0]);
  const [parametersText, setParametersText] = useState('{}');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const sending = phase.kind === 'sending';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parameters = parseParameters(parametersText);
    if (!parameters.ok) {
      setPhase({ kind: 'error', message: parameters.error });
      return;
    }
    setPhase({ kind: 'sending' });
    try {
      const created = await client.sendCommand(vehicle.id, command, parameters.value);
      // Show the stored record, not the POST echo, so the UI reflects what the backend kept.
      const record = await client.getCommand(created.id);
      setPhase({ kind: 'done', record });
    } catch (error) {
      setPhase({ kind: 'error', message: errorMessage(error) });
    }
  }

  return (
    <form
      className="command-form"
      aria-label={`Send a command to ${vehicle.name}`}
      aria-busy={sending}
      data-testid="command-form"
      onSubmit={handleSubmit}
    >
      <label htmlFor={`${id}-command`}>Command</label>
      <select
        id={`${id}-command`}
        data-testid="command-select"
        value={command}
        onChange={(event) => setCommand(event.target.value as CommandName)}
      >
        {COMMANDS.map((name) => (
          <option key={name} value={name}>
            {COMMAND_LABELS[name]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-parameters`}>Parameters (JSON object)</label>
      <textarea
        id={`${id}-parameters`}
        data-testid="command-parameters"
        rows={2}
        spellCheck={false}
        value={parametersText}
        onChange={(event) => setParametersText(event.target.value)}
      />
      <button type="submit" data-testid="command-submit" disabled={sending}>
        {sending ? 'Sending…' : 'Send command'}
      </button>
      <div aria-live="polite">
        {phase.kind === 'error' && (
          <p role="alert" className="error" data-testid="command-error">
            {phase.message}
          </p>
        )}
        {phase.kind === 'done' && <CommandResult record={phase.record} />}
      </div>
    </form>
  );
}
