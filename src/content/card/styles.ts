/**
 * The card's CSS, adopted as a constructable sheet into its shadow root: immune to the page's
 * styles (shadow boundary + all:initial host) and to a strict style-src CSP.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #1d4ed8; --chip: #f3f4f6;
  --affected: #b91c1c; --affected-bg: #fee2e2; --fixed: #166534; --fixed-bg: #dcfce7; --unknown: #92400e; --unknown-bg: #fef3c7;
  position: fixed; box-sizing: border-box; width: min(400px, calc(100vw - 16px)); overflow: auto; overscroll-behavior: contain;
  pointer-events: auto; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 10px 30px rgba(0,0,0,.18), 0 2px 6px rgba(0,0,0,.12);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; padding: 10px 12px 8px;
  color-scheme: light;
}
.card[data-theme="dark"] {
  --bg: #111827; --fg: #e5e7eb; --muted: #9ca3af; --line: #374151; --accent: #93c5fd; --chip: #1f2937;
  --affected: #fca5a5; --affected-bg: #450a0a; --fixed: #86efac; --fixed-bg: #052e16; --unknown: #fcd34d; --unknown-bg: #451a03;
  color-scheme: dark;
}
.card[hidden] { display: none; }
.card:focus { outline: none; }
.card :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
.head { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 2px 8px; margin-bottom: 6px; }
.kind { flex: none; display: inline-flex; align-items: center; gap: 5px; font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 999px; background: var(--chip); }
.kind::before { content: ""; width: 7px; height: 7px; border-radius: 50%; background: var(--dot, #9ca3af); }
.kind-q { --dot: #f59e0b; }
.kind-ndr { --dot: #ef4444; }
.kind-error { --dot: #3b82f6; }
.kind-build { --dot: #65a30d; }
.matched { flex: 1; min-width: 0; color: var(--muted); font-style: italic; overflow-wrap: anywhere; }
.matched.long { order: 3; flex-basis: 100%; }
.matched.long + .close { margin-left: auto; }
.detail { display: block; font-style: normal; }
.close { all: unset; flex: none; cursor: pointer; width: 20px; height: 20px; line-height: 20px; text-align: center; border-radius: 4px; color: var(--muted); font-size: 16px; }
.close:hover { background: var(--chip); color: var(--fg); }
.qline { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.q { font-weight: 700; font-variant-numeric: tabular-nums; }
.date { color: var(--muted); font-size: 12px; }
.verdict { font-size: 11px; font-weight: 700; padding: 1px 6px; border-radius: 4px; }
.verdict-affected { color: var(--affected); background: var(--affected-bg); }
.verdict-fixed, .verdict-not-affected { color: var(--fixed); background: var(--fixed-bg); }
.verdict-unknown { color: var(--unknown); background: var(--unknown-bg); }
.confidence { font-size: 11px; font-weight: 700; padding: 0 6px; border-radius: 4px; color: var(--unknown); border: 1px solid currentColor; }
.why { margin: 0 0 6px; color: var(--muted); font-size: 12px; font-style: italic; }
.title { font-size: 14px; font-weight: 600; margin: 4px 0 6px; overflow-wrap: anywhere; }
.reason { margin: 0 0 6px; color: var(--muted); font-size: 12px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 8px; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: 0; padding: 0; list-style: none; }
.files li { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: 12px; }
.actions { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; padding: 6px 0; border-top: 1px solid var(--line); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.button { all: unset; cursor: pointer; padding: 3px 10px; border-radius: 6px; border: 1px solid var(--line); font-weight: 600; font-size: 12px; }
.button:hover { background: var(--chip); }
.primary { background: var(--accent); color: var(--bg); border-color: var(--accent); }
.primary:hover { background: var(--accent); text-decoration: none; filter: brightness(1.1); }
.status { color: var(--muted); font-size: 12px; }
.list { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 2px; }
.list h3 { margin: 0 0 2px; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.list li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.list .t { color: var(--fg); margin-left: 6px; }
.versions { margin-bottom: 6px; }
.versions li { white-space: normal; }
.versions .build { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: 12px; }
.versions .newer { display: block; color: var(--muted); font-size: 12px; }
.notice { margin: 4px 0 8px; }
.bounce { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-bottom: 6px; }
.bounce-reason { font-size: 14px; font-weight: 600; margin: 4px 0 2px; }
.bounce-what { margin: 0 0 6px; }
.bounce-who { font-weight: 600; }
.loading { color: var(--muted); margin: 4px 0 8px; }
.foot { color: var(--muted); font-size: 11px; text-align: right; margin-top: 4px; }
`;
