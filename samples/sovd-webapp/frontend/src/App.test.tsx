import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { fakeClient } from './test/fixtures';

describe('App', () => {
  it('renders the title and the vehicles page with a command form per vehicle', async () => {
    render(<App client={fakeClient()} />);

    expect(screen.getByText('SOVD Command WebApp')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeInTheDocument();
    expect(await screen.findAllByTestId('command-form')).toHaveLength(2);
  });
});
