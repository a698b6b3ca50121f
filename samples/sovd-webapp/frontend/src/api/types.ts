/** Commands the backend accepts, in the order the UI offers them. */
export const COMMANDS = ['read_dtc', 'clear_dtc', 'read_data', 'reset_ecu'] as const;

export type CommandName = (typeof COMMANDS)[number];

export const COMMAND_LABELS: Record<CommandName, string> = {
  read_dtc: 'Read DTCs',
  clear_dtc: 'Clear DTCs',
  read_data: 'Read data',
  reset_ecu: 'Reset ECU',
};

export type CommandParameters = Record<string, unknown>;

export interface Vehicle {
  id: string;
  name: string;
  model: string;
  status: 'online' | 'offline';
}

export interface CommandRecord {
  id: string;
  vehicle_id: string;
  command: CommandName;
  parameters: CommandParameters;
  status: 'completed' | 'failed';
  result: unknown;
  created_at: string;
}
