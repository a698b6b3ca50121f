import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { VEHICLES, commandRecord, deferred, fakeClient } from '../test/fixtures';
import { CommandForm } from './CommandForm';

const vehicle = VEHICLES[0];

function renderForm(client = fakeClient()) {
  render(<CommandForm vehicle={vehicle} client={client} />);
  return { client, user: userEvent.setup() };
}

describe('CommandForm', () => {
  it('sends the chosen command and shows the record fetched back from the API', async () => {
    const client = fakeClient({
      sendCommand: async () => commandRecord({ id: 'cmd-77', command: 'read_data', result: null }),
      getCommand: async () =>
        commandRecord({ id: 'cmd-77', command: 'read_data', result: { vin: 'WVW123' } }),
    });
    const { user } = renderForm(client);

    await user.selectOptions(screen.getByLabelText('Command'), 'read_data');
    const parameters = screen.getByLabelText('Parameters (JSON object)');
    await user.clear(parameters);
    await user.type(parameters, '{{"did": "F190"}');
    await user.click(screen.getByRole('button', { name: 'Send command' }));

    const result = await screen.findByRole('region', { name: 'Command result' });
    expect(client.sendCommand).toHaveBeenCalledWith('veh-001', 'read_data', { did: 'F190' });
    expect(client.getCommand).toHaveBeenCalledWith('cmd-77');
    expect(within(result).getByTestId('command-status')).toHaveTextContent('completed');
    expect(within(result).getByTestId('command-result-body')).toHaveTextContent('WVW123');
  });

  it('is labelled with the vehicle name so several forms can be told apart', () => {
    renderForm();
    expect(screen.getByRole('form', { name: 'Send a command to Test Sedan' })).toBeInTheDocument();
  });

  it('disables the button while the command is in flight', async () => {
    const pending = deferred<ReturnType<typeof commandRecord>>();
    const { user } = renderForm(fakeClient({ sendCommand: () => pending.promise }));

    await user.click(screen.getByRole('button', { name: 'Send command' }));

    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    expect(screen.getByRole('form')).toHaveAttribute('aria-busy', 'true');
    pending.resolve(commandRecord());
    expect(await screen.findByRole('button', { name: 'Send command' })).toBeEnabled();
  });

  it('shows a failed command as failed', async () => {
    const failed = commandRecord({ status: 'failed', result: { error: 'vehicle offline' } });
    const { user } = renderForm(
      fakeClient({ sendCommand: async () => failed, getCommand: async () => failed }),
    );

    await user.click(screen.getByRole('button', { name: 'Send command' }));

    expect(await screen.findByTestId('command-status')).toHaveTextContent('failed');
    expect(screen.getByTestId('command-result-body')).toHaveTextContent('vehicle offline');
  });

  it('rejects parameters that are not a JSON object without calling the API', async () => {
    const { client, user } = renderForm();

    const parameters = screen.getByLabelText('Parameters (JSON object)');
    await user.clear(parameters);
    await user.type(parameters, '[[1]');
    await user.click(screen.getByRole('button', { name: 'Send command' }));

    expect(screen.getByRole('alert')).toHaveTextContent(
      'Parameters must be a JSON object, not an array',
    );
    expect(client.sendCommand).not.toHaveBeenCalled();
  });

  it('shows the API error when the backend refuses the command', async () => {
    const { user } = renderForm(
      fakeClient({
        sendCommand: () => Promise.reject(new ApiError(404, 'Vehicle veh-001 not found.')),
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Send command' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Vehicle veh-001 not found.');
    expect(screen.queryByTestId('command-result')).not.toBeInTheDocument();
  });
});
