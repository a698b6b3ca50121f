import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommandRecord } from '../api/types';
import { commandRecord } from '../test/fixtures';
import { CommandResult } from './CommandResult';
import { formatResult } from './formatResult';

describe('formatResult', () => {
  it('pretty-prints structured results', () => {
    expect(formatResult({ dtcs: ['P0420'] })).toBe('{\n  "dtcs": [\n    "P0420"\n  ]\n}');
  });

  it('shows strings as they are and says when there is no result', () => {
    expect(formatResult('ECU reset done')).toBe('ECU reset done');
    expect(formatResult(null)).toBe('No result data.');
    expect(formatResult(undefined)).toBe('No result data.');
  });
});

describe('CommandResult', () => {
  it('shows the id, readable command name, status and result of the record', () => {
    render(<CommandResult record={commandRecord({ id: 'cmd-42', command: 'reset_ecu' })} />);

    const result = screen.getByRole('region', { name: 'Command result' });
    expect(result).toHaveTextContent('Reset ECU');
    expect(screen.getByTestId('command-id')).toHaveTextContent('cmd-42');
    expect(screen.getByTestId('command-status')).toHaveTextContent('completed');
    expect(screen.getByTestId('command-status')).toHaveClass('badge-completed');
    expect(screen.getByTestId('command-result-body')).toHaveTextContent('"P0420"');
  });

  it('shows a command name the UI does not know as the backend sent it', () => {
    const record = { ...commandRecord(), command: 'flash_ecu' } as unknown as CommandRecord;
    render(<CommandResult record={record} />);

    expect(screen.getByRole('region', { name: 'Command result' })).toHaveTextContent('flash_ecu');
  });
});
