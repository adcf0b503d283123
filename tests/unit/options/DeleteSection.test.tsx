// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DeleteSection } from '@/components/options/DeleteSection';
import type { AllianceDb } from '@/utils/db/schema';
import { button, byLabel, click, mount, regions, type, waitFor } from './render';

function setup() {
  const db = {} as AllianceDb;
  const deleteEverything = vi.fn(async (_db: AllianceDb) => undefined);
  const root = mount(<DeleteSection db={db} deleteEverything={deleteEverything} />);
  return { root, db, deleteEverything };
}

describe('DeleteSection', () => {
  it('opens a confirmation with focus in its input', () => {
    const { root } = setup();
    const opener = button(root, 'Delete everything…');
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    click(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(byLabel(root, /Type DELETE to confirm/));
  });

  it('deletes nothing until DELETE is typed', async () => {
    const { root, deleteEverything } = setup();
    click(button(root, 'Delete everything…'));
    type(byLabel(root, /Type DELETE/), 'delete');
    click(button(root, 'Delete everything now'));
    await waitFor(() => expect(regions(root).alert).toBe('Type DELETE in capitals to confirm.'));
    expect(deleteEverything).not.toHaveBeenCalled();
  });

  it('deletes everything once confirmed and says so', async () => {
    const { root, db, deleteEverything } = setup();
    click(button(root, 'Delete everything…'));
    type(byLabel(root, /Type DELETE/), 'DELETE');
    click(button(root, 'Delete everything now'));
    await waitFor(() => expect(regions(root).status).toMatch(/^Everything was deleted/));
    expect(deleteEverything).toHaveBeenCalledWith(db);
    expect(root.querySelector('#delete-word')).toBeNull();
  });

  it('closes on Escape and gives focus back to its opener', () => {
    const { root, deleteEverything } = setup();
    click(button(root, 'Delete everything…'));
    const input = byLabel(root, /Type DELETE/);
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('#delete-word')).toBeNull();
    expect(document.activeElement).toBe(button(root, 'Delete everything…'));
    expect(deleteEverything).not.toHaveBeenCalled();
  });
});
