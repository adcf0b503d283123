/**
 * Hostile text a user might paste, or a stolen-then-restored backup might carry, stored as
 * notes, names and tie labels by tests/e2e/security.e2e.ts. Every payload that could run calls
 * the page-side canary `__canary(n)`; every one that could become an element carries the
 * attribute `data-pwn` or the marker text `PWN`, so a test can find any that got through.
 */

/** The marker every payload carries in its text, to find it in a DOM dump. */
export const MARKER = 'PWN';

const CANARY = (n: number) => `__canary(${n})`;

/** 1 MiB strings: one without a break opportunity (layout), one of markup (parsing). */
export const HUGE_WORD = `${MARKER}${'W'.repeat(1 << 20)}`;
export const HUGE_MARKUP = `${MARKER}${'<b data-pwn>'.repeat(Math.ceil((1 << 20) / 12))}`;

const markup = (n: number): string[] => [
  // Script elements, plain and disguised.
  `${MARKER}<script>${CANARY(n)}</script>`,
  `${MARKER}<SCRIPT SRC=data:text/javascript,${CANARY(n + 1)}></SCRIPT>`,
  `${MARKER}<scr<script>ipt>${CANARY(n + 2)}</scr</script>ipt>`,
  `${MARKER}</textarea><script>${CANARY(n + 3)}</script>`,
  `${MARKER}</title><script>${CANARY(n + 4)}</script>`,
  `${MARKER}</style><script>${CANARY(n + 5)}</script>`,
  `${MARKER}<!--<script>-->${CANARY(n + 6)}<!--</script>-->`,
  `${MARKER}<![CDATA[<script>${CANARY(n + 7)}</script>]]>`,
  // Event handlers.
  `${MARKER}<img src=x onerror="${CANARY(n + 8)}" data-pwn>`,
  `${MARKER}<img src="x" onerror=${CANARY(n + 9)} data-pwn/>`,
  `${MARKER}<body onload=${CANARY(n + 10)} data-pwn>`,
  `${MARKER}<svg onload=${CANARY(n + 11)} data-pwn>`,
  `${MARKER}<details open ontoggle=${CANARY(n + 12)} data-pwn>`,
  `${MARKER}<input autofocus onfocus=${CANARY(n + 13)} data-pwn>`,
  `${MARKER}<video><source onerror=${CANARY(n + 14)} data-pwn></video>`,
  `${MARKER}<marquee onstart=${CANARY(n + 15)} data-pwn>`,
  `${MARKER}<div onmouseover="${CANARY(n + 16)}" style="position:fixed;inset:0" data-pwn>`,
  `${MARKER}" onmouseover="${CANARY(n + 17)}" data-pwn="`,
  `${MARKER}' onfocus='${CANARY(n + 18)}' autofocus data-pwn='`,
  `${MARKER}<iframe srcdoc="<script>parent.${CANARY(n + 19)}</script>" data-pwn></iframe>`,
  // javascript: and data: URLs.
  `${MARKER}<a href="javascript:${CANARY(n + 20)}" data-pwn>click</a>`,
  `javascript:${CANARY(n + 21)}//${MARKER}`,
  `${MARKER}<a href="jav&#x09;ascript:${CANARY(n + 22)}" data-pwn>x</a>`,
  `${MARKER}<iframe src="javascript:parent.${CANARY(n + 23)}" data-pwn></iframe>`,
  `${MARKER}<object data="data:text/html,<script>parent.${CANARY(n + 24)}</script>" data-pwn></object>`,
  `${MARKER}<embed src="javascript:${CANARY(n + 25)}" data-pwn>`,
  `${MARKER}<form action="javascript:${CANARY(n + 26)}" data-pwn><button>go</button></form>`,
  `${MARKER}<meta http-equiv="refresh" content="0;url=javascript:${CANARY(n + 27)}" data-pwn>`,
  // SVG and MathML.
  `${MARKER}<svg data-pwn><script>${CANARY(n + 28)}</script></svg>`,
  `${MARKER}<svg data-pwn><animate onbegin=${CANARY(n + 29)} attributeName=x dur=1s>`,
  `${MARKER}<svg data-pwn><a xlink:href="javascript:${CANARY(n + 30)}"><text>x</text></a></svg>`,
  `${MARKER}<math data-pwn><mtext><table><mglyph><style><img src=x onerror=${CANARY(n + 31)}>`,
  `${MARKER}<svg data-pwn><foreignObject><iframe srcdoc="<script>parent.${CANARY(n + 32)}</script>"></iframe></foreignObject></svg>`,
  // CSS injection.
  `${MARKER}<style data-pwn>*{display:none!important}</style>`,
  `${MARKER}</style><style data-pwn>body{background:url(javascript:${CANARY(n + 33)})}</style>`,
  `${MARKER}<div style="width:100000px;height:100000px;background:red" data-pwn>`,
  `${MARKER}<link rel=stylesheet href="data:text/css,*{color:red}" data-pwn>`,
  `${MARKER}expression(${CANARY(n + 34)})`,
  `${MARKER}} body { display: none } {`,
  // Template and framework syntax (evaluated by careless template engines).
  `${MARKER}{{constructor.constructor('${CANARY(n + 35)}')()}}`,
  `${MARKER}\${${CANARY(n + 36)}}`,
  `${MARKER}<template data-pwn><script>${CANARY(n + 37)}</script></template>`,
  `${MARKER}<base href="javascript:${CANARY(n + 38)}//" data-pwn>`,
  // Encodings and entities.
  `${MARKER}&lt;script&gt;${CANARY(n + 39)}&lt;/script&gt;`,
  `${MARKER}%3Cscript%3E${CANARY(n + 40)}%3C%2Fscript%3E`,
  `${MARKER}\u003cscript\u003e${CANARY(n + 41)}\u003c/script\u003e`,
  `${MARKER}<img src=x onerror=&#95;&#95;canary(${n + 42}) data-pwn>`,
  // Bidirectional overrides, zero-width and other invisible characters.
  `${MARKER}\u202Eevil.exe\u202C normal`,
  `${MARKER}\u2066\u2067\u2068isolates\u2069\u2069\u2069`,
  `${MARKER}zero\u200Bwidth\u200C\u200D\uFEFFjoiners`,
  `${MARKER}\u0000nul\u0007bell\u001Bescape`,
  `${MARKER}combining${'\u0301'.repeat(500)}`,
  `${MARKER}\uD800 lone surrogate \uDFFF`,
  `${MARKER}${'\n'.repeat(200)}many lines`,
  `${MARKER}${'👩‍👩‍👧‍👦'.repeat(300)}`,
  // Prototype keys and JSON-looking text.
  `__proto__`,
  `${MARKER}{"__proto__":{"polluted":true}}`,
];

/** Payloads numbered from 1; each canary number is unique across the list. */
export const PAYLOADS: readonly string[] = markup(1);

/** The payloads that carry the marker (all but a bare prototype key). */
export const MARKED = PAYLOADS.filter((p) => p.includes(MARKER));
