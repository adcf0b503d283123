import { useEffect, useState } from 'preact/hooks';
import { useOpenSidePanel } from '../useOpenSidePanel';
import { firstStepOf, type FirstStep } from '@/utils/insights';
import type { Gap, NextAction } from '@/utils/insights/types';
import { ui } from '@/utils/i18n';
import { popupShortcut } from '@/utils/side-panel';
import { WELCOME_STEPS, type WelcomeStep } from '@/utils/welcome-progress';

/**
 * Where the first run sends each first step: back to its own step that does it, to the map page,
 * or to the popup. A first step not listed here is taken in the side panel, as the report says.
 */
const FIRST_STEP_PLACES: Partial<Record<FirstStep, WelcomeStep | 'map' | 'popup'>> = {
  import: 'import',
  tag: 'decides',
  mentor: 'mentors',
  allies: 'allies',
  advisors: 'board',
  // The map page places people by level and influence.
  levels: 'map',
  // A touch is logged from the popup on the person's profile (or the side panel).
  touch: 'popup',
};

/** The step of the first run that fills each gap of the alliance. */
export const GAP_STEPS: Record<Gap['id'], WelcomeStep> = {
  'no-sponsor': 'sponsor',
  'sponsor-below-plus2': 'sponsor',
  'no-mentor': 'mentors',
  'board-too-small': 'board',
  'board-too-large': 'board',
  'no-allies': 'allies',
};

/** A button that moves the first run to one of its steps, named by its number and title. */
export function StepButton({ step, onGo }: { step: WelcomeStep; onGo(step: WelcomeStep): void }) {
  return (
    <button type="button" onClick={() => onGo(step)}>
      {ui.t('welcome_goToStep', {
        number: WELCOME_STEPS.indexOf(step) + 1,
        title: ui.t(`welcomeStep_${step}`),
      })}
    </button>
  );
}

/** The shortcut that opens the popup as the user has it now, or null when there is none. */
function usePopupShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void popupShortcut().then(setShortcut);
  }, []);
  return shortcut;
}

/** How to open the popup, which no page can open for the user: a disclosure. */
function PopupHow() {
  const shortcut = usePopupShortcut();
  return (
    <details class="popup-how">
      <summary>{ui.t('welcome_popupHow')}</summary>
      <p>
        {shortcut
          ? ui.t('welcome_popupWithShortcut', { shortcut })
          : ui.t('welcome_popupFromToolbar')}
      </p>
    </details>
  );
}

/**
 * The control after a first-week action that takes the user where it is done: the person's
 * record in the side panel, a step of this first run, the map page, the popup's instructions or
 * the side panel.
 */
export function ActionLink({
  action,
  onGo,
}: {
  action: NextAction;
  /** Moves the first run to one of its steps. */
  onGo(step: WelcomeStep): void;
}) {
  const openPanel = useOpenSidePanel();
  const [failed, setFailed] = useState(false);
  const open = (slug?: string) => void openPanel(slug).then((opened) => setFailed(!opened));
  const first = firstStepOf(action);
  const place = first ? FIRST_STEP_PLACES[first] : undefined;
  let control;
  if (action.personSlug !== null) {
    const slug = action.personSlug;
    control = (
      <button type="button" onClick={() => open(slug)}>
        {ui.t('welcome_openRecord', { name: action.personName ?? slug })}
      </button>
    );
  } else if (place === 'map') {
    control = <a href="/map.html">{ui.t('welcome_openMap')}</a>;
  } else if (place === 'popup') {
    control = <PopupHow />;
  } else if (place) {
    control = <StepButton step={place} onGo={onGo} />;
  } else if (action.place === 'side-panel') {
    control = (
      <button type="button" onClick={() => open()}>
        {ui.t('report_openPanel')}
      </button>
    );
  } else return null;
  return (
    <span class="action-link">
      {' '}
      {control}
      {failed && (
        <span class="error" role="alert">
          {' '}
          {ui.t('common_panelFailed')}
        </span>
      )}
    </span>
  );
}
