import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useSettings } from '@/components/useSettings';
import {
  DecidersStep,
  DoneStep,
  ImportStep,
  ROLE_STEPS,
  RoleStep,
} from '@/components/welcome/steps';
import { getDb } from '@/utils/db';
import {
  WELCOME_STEPS,
  completeProgress,
  welcomeProgressItem,
  type WelcomeProgress,
  type WelcomeStep,
} from '@/utils/welcome-progress';

import { ui } from '@/utils/i18n';

/** A step's title. */
const titleOf = (step: WelcomeStep) => ui.t(`welcomeStep_${step}`);

/** The stored progress, kept current (another tab of this page may move it on). */
function useProgress(): [WelcomeProgress | undefined, (next: WelcomeProgress) => void] {
  const [progress, setProgress] = useState<WelcomeProgress>();
  useEffect(() => {
    let live = true;
    void welcomeProgressItem
      .getValue()
      .then((stored) => live && setProgress(completeProgress(stored)));
    const unwatch = welcomeProgressItem.watch((next) => setProgress(completeProgress(next)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const save = (next: WelcomeProgress) => {
    setProgress(next);
    void welcomeProgressItem.setValue(next);
  };
  return [progress, save];
}

/**
 * The first run (docs/map.md): builds the map step by step, at the user's own pace. Every
 * person named is saved at once; the step reached is kept, so the page can be closed and opened
 * again where it was left.
 */
export function App() {
  const db = getDb();
  const settings = useSettings();
  const [progress, save] = useProgress();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
    scrollTo(0, 0);
  }, [progress?.step]);

  if (!progress || !settings) {
    return (
      <main class="welcome">
        <h1>{ui.t('welcome_title')}</h1>
        <p class="muted" role="status">
          {ui.t('common_loading')}
        </p>
      </main>
    );
  }

  const index = WELCOME_STEPS.indexOf(progress.step);
  const go = (step: WelcomeStep) => {
    moved.current = true;
    save({ ...progress, step, finished: progress.finished || step === 'done' });
  };
  const step = progress.step;

  return (
    <main class={`welcome${step === 'done' ? ' welcome-done' : ''}`} data-step={step}>
      <header class="stack">
        <h1>{ui.t('welcome_title')}</h1>
        <p class="muted">{ui.t('welcome_intro')}</p>
      </header>
      <nav aria-label={ui.t('welcome_steps')}>
        <ol class="steps">
          {WELCOME_STEPS.map((name, i) => (
            <li key={name}>
              <button
                type="button"
                aria-current={name === step ? 'step' : undefined}
                onClick={() => go(name)}
              >
                {ui.t('welcome_stepButton', { number: i + 1, title: titleOf(name) })}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section class="stack step" aria-labelledby="step-title">
        <h2 id="step-title" ref={heading} tabIndex={-1}>
          {ui.t('welcome_stepHeading', {
            number: index + 1,
            total: WELCOME_STEPS.length,
            title: titleOf(step),
          })}
        </h2>
        {step === 'import' ? (
          <ImportStep />
        ) : step === 'decides' ? (
          <DecidersStep
            db={db}
            progress={progress}
            onChange={(deciders) => save({ ...progress, deciders })}
          />
        ) : step === 'done' ? (
          <DoneStep db={db} settings={settings} />
        ) : (
          <RoleStep db={db} step={step} key={step} />
        )}
      </section>
      <div class="row step-buttons">
        {index > 0 && (
          <button type="button" onClick={() => go(WELCOME_STEPS[index - 1]!)}>
            {ui.t('welcome_back')}
          </button>
        )}
        {index < WELCOME_STEPS.length - 1 && (
          <button type="button" class="primary" onClick={() => go(WELCOME_STEPS[index + 1]!)}>
            {ui.t(step === 'import' || step in ROLE_STEPS ? 'welcome_nextOrSkip' : 'welcome_next')}
          </button>
        )}
        <span class="muted">{ui.t('welcome_saved')}</span>
      </div>
    </main>
  );
}
