import { COMMAND_LABELS, type CommandRecord } from '../api/types';
import { formatResult } from './formatResult';

export function CommandResult({ record }: { record: CommandRecord }) {
  return (
    <section className="command-result" aria-label="Command result" data-testid="command-result">
      <dl>
        <dt>Command ID</dt>
        <dd data-testid="command-id">{record.id}</dd>
        <dt>Command</dt>
        <dd>{COMMAND_LABELS[record.command] ?? record.command}</dd>
        <dt>Status</dt>
        <dd className={`badge badge-${record.status}`} data-testid="command-status">
          {record.status}
        </dd>
        <dt>Created</dt>
        <dd>{record.created_at}</dd>
      </dl>
      <pre data-testid="command-result-body">{formatResult(record.result)}</pre>
    </section>
  );
}
