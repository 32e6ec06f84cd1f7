import { Table } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render.tsx';
import { ListTable } from './list-table.tsx';

const rows = [
  { id: 1, name: 'Archana' },
  { id: 2, name: 'Abhisheka' },
];

const renderList = (items: typeof rows, props: { actions?: boolean; empty?: string } = {}) =>
  renderWithProviders(
    <ListTable minWidth={600} headings={['Seva']} rows={items} {...props}>
      {(row) => (
        <Table.Tr key={row.id}>
          <Table.Td>{row.name}</Table.Td>
        </Table.Tr>
      )}
    </ListTable>,
  );

describe('ListTable', () => {
  it('lists each row under its headings, in a region that scrolls sideways', () => {
    renderList(rows);
    expect(screen.getByRole('region', { name: 'Table; scroll sideways for more' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Seva']);
    expect(screen.getByRole('row', { name: 'Archana' })).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Abhisheka' })).toBeTruthy();
  });

  it('names the column of row buttons for screen readers only', () => {
    renderList(rows, { actions: true });
    const actions = screen.getByRole('columnheader', { name: 'Actions' });
    expect(actions.querySelector('.visually-hidden')?.textContent).toBe('Actions');
  });

  it('says so instead of showing an empty table', () => {
    renderList([], { empty: 'No schedule yet' });
    expect(screen.getByText('No schedule yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the bare table when there is nothing to say about no rows', () => {
    renderList([]);
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.queryAllByRole('row')).toHaveLength(1);
  });
});
