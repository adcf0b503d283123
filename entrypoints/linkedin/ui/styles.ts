import ROLE_COLOURS from '@/components/roles.css?inline';

const BASE = `
  :host { all: initial; display: inline-block; vertical-align: middle;
    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2226; }
  @media (prefers-color-scheme: dark) { :host { color: #e9eaeb; } }
  * { box-sizing: border-box; }
  button { font: inherit; color: inherit; cursor: pointer; border-radius: 999px;
    border: 1px solid #8c959f; background: transparent; padding: 1px 8px; line-height: 18px; }
  button:hover { background: rgba(127,127,127,.15); }
  button:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
  button[aria-pressed="true"] { background: #0a66c2; border-color: #0a66c2; color: #fff; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export const BADGE_CSS = `${BASE}${ROLE_COLOURS}
  .role { font-size: 12px; line-height: 18px; }
  :host { margin-block: 4px; margin-inline-start: 8px; }
  .badge { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; }
  .meta { font-size: 12px; opacity: .85; white-space: nowrap; }
  .overdue { color: #b42318; font-weight: 600; }
  @media (prefers-color-scheme: dark) { .overdue { color: #ff8a80; } }
  .tagger { display: inline-flex; flex-wrap: wrap; gap: 4px; }
`;

export const CHIP_CSS = `${BASE}${ROLE_COLOURS}
  :host { margin-inline-start: 6px; }
  .chips { display: inline-flex; gap: 3px; align-items: center; }
  .role { font-size: 11px; padding: 0 6px; line-height: 16px; }
  .due { font-size: 11px; color: #b42318; }
`;
