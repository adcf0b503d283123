// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { byLabel, mount, type Mounted } from './render';
import { FilterSelect } from '@/components/fields';
import { STANCES, type Stance } from '@/utils/model';

describe('FilterSelect', () => {
  let view: Mounted | undefined;
  afterEach(async () => {
    await view?.unmount();
  });

  it('offers "any" first, as the empty value, then each of the set, and says which was chosen', async () => {
    const chosen: Array<Stance | ''> = [];
    view = await mount(
      <FilterSelect
        label="Stance"
        value="skeptic"
        any="Any stance"
        options={STANCES}
        labels={(stance) => stance.toUpperCase()}
        onChoose={(stance) => chosen.push(stance)}
      />,
    );
    const select = byLabel<HTMLSelectElement>(view.root, 'Stance');
    expect([...select.options].map((option) => [option.value, option.text])).toEqual([
      ['', 'Any stance'],
      ...STANCES.map((stance) => [stance, stance.toUpperCase()]),
    ]);
    expect(select.value).toBe('skeptic');
    for (const value of ['', 'champion']) {
      await act(() => {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    expect(chosen).toEqual(['', 'champion']);
  });
});
