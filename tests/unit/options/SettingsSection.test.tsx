// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { SettingsSection, type NotificationPermission } from '@/components/options/SettingsSection';
import { fromDateInput, toDateInput } from '@/utils/format';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model';
import { button, byLabel, click, mount, regions, type, waitFor } from './render';

function setup(settings: Settings = DEFAULT_SETTINGS, granted = true) {
  const save = vi.fn(async (_patch: Partial<Settings>) => undefined);
  const notifications: NotificationPermission = {
    request: vi.fn(async () => granted),
    remove: vi.fn(async () => undefined),
  };
  const root = mount(
    <SettingsSection settings={settings} save={save} notifications={notifications} />,
  );
  return { root, save, notifications };
}

describe('SettingsSection rhythm', () => {
  it('shows the saved values in labelled inputs', () => {
    const { root } = setup();
    expect(byLabel(root, 'Sponsor').value).toBe('30');
    expect(byLabel(root, 'No role').value).toBe('60');
    expect(byLabel<HTMLSelectElement>(root, 'Week starts on').value).toBe('1');
    expect(byLabel(root, 'Visibility window (days)').value).toBe('30');
  });

  it('refuses out-of-range values with a message on each field and saves nothing', async () => {
    const { root, save } = setup();
    type(byLabel(root, 'Mentor'), '0');
    type(byLabel(root, 'Visibility window (days)'), 'soon');
    click(button(root, 'Save settings'));
    await waitFor(() => expect(regions(root).alert).toMatch(/^Not saved: 2 values need fixing\./));
    const mentor = byLabel(root, 'Mentor');
    expect(mentor.getAttribute('aria-invalid')).toBe('true');
    const described = mentor.getAttribute('aria-describedby')!;
    expect(root.querySelector(`#${described}`)?.textContent).toBe(
      'Mentor cadence (days) must be from 1 to 365; 0 is out of range.',
    );
    expect(regions(root).alert).toContain(
      'Visibility window (days) must be a number from 1 to 365',
    );
    expect(save).not.toHaveBeenCalled();
  });

  it('saves a valid rhythm and says so', async () => {
    const { root, save } = setup();
    type(byLabel(root, 'Sponsor'), '14');
    click(button(root, 'Save settings'));
    await waitFor(() => expect(regions(root).status).toBe('Settings saved.'));
    expect(save).toHaveBeenCalledWith({
      cadenceByRole: { ...DEFAULT_SETTINGS.cadenceByRole, sponsor: 14 },
      defaultCadenceDays: 60,
      weekStart: 1,
      visibilityWindowDays: 30,
    });
  });
});

describe('SettingsSection new role', () => {
  it('saves the start of a new role and says until when the report focuses on it', async () => {
    const { root, save } = setup();
    const input = byLabel(root, 'Started a new role on');
    expect(input.type).toBe('date');
    expect(input.value).toBe('');
    const started = new Date();
    started.setDate(started.getDate() - 10);
    const text = toDateInput(started.getTime());
    type(input, text);
    click(button(root, 'Save the start date'));
    await waitFor(() =>
      expect(regions(root).status).toMatch(
        /^New role saved: the weekly report focuses on your first 90 days until /,
      ),
    );
    expect(save).toHaveBeenCalledWith({ roleStartedAt: fromDateInput(text) });
  });

  it('says when the first 90 days of the saved date are already over', async () => {
    const { root } = setup();
    type(byLabel(root, 'Started a new role on'), '2020-01-06');
    click(button(root, 'Save the start date'));
    await waitFor(() => expect(regions(root).status).toMatch(/first 90 days are over/));
  });

  it('shows a saved start and clears it', async () => {
    const roleStartedAt = new Date(2025, 2, 3, 12).getTime();
    const { root, save } = setup({ ...DEFAULT_SETTINGS, roleStartedAt });
    expect(byLabel(root, 'Started a new role on').value).toBe('2025-03-03');
    click(button(root, 'Clear'));
    await waitFor(() => expect(regions(root).status).toMatch(/^New role cleared/));
    expect(save).toHaveBeenCalledWith({ roleStartedAt: null });
  });

  it('refuses a date out of range and saves nothing', async () => {
    const { root, save } = setup();
    type(byLabel(root, 'Started a new role on'), '1850-01-01');
    click(button(root, 'Save the start date'));
    await waitFor(() =>
      expect(regions(root).alert).toBe('Not saved. Enter a date between the years 1900 and 9999.'),
    );
    expect(byLabel(root, 'Started a new role on').getAttribute('aria-invalid')).toBe('true');
    expect(save).not.toHaveBeenCalled();
  });
});

describe('SettingsSection switches', () => {
  it('saves stealth at once', async () => {
    const { root, save } = setup();
    click(byLabel(root, /Stealth mode/));
    await waitFor(() => expect(regions(root).status).toMatch(/^Stealth mode on/));
    expect(save).toHaveBeenCalledWith({ stealth: true });
  });

  it('asks for the notifications permission from the click and turns on when granted', async () => {
    const { root, save, notifications } = setup();
    click(byLabel(root, /Weekly notification/));
    expect(notifications.request).toHaveBeenCalledOnce();
    await waitFor(() => expect(save).toHaveBeenCalledWith({ weeklyNotification: true }));
  });

  it('stays off with a message when the permission is refused', async () => {
    const { root, save } = setup(DEFAULT_SETTINGS, false);
    const box = byLabel(root, /Weekly notification/);
    click(box);
    await waitFor(() => expect(regions(root).alert).toMatch(/did not allow notifications/));
    expect(box.checked).toBe(false);
    expect(save).not.toHaveBeenCalled();
  });

  it('gives the permission back when turned off', async () => {
    const { root, save, notifications } = setup({ ...DEFAULT_SETTINGS, weeklyNotification: true });
    click(byLabel(root, /Weekly notification/));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ weeklyNotification: false }));
    expect(notifications.remove).toHaveBeenCalledOnce();
    expect(notifications.request).not.toHaveBeenCalled();
  });
});
