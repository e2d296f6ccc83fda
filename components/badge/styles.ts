// The badge's whole stylesheet, injected by the mount into the badge's shadow root (a string,
// so the content script carries no CSS loader). Nothing is loaded from the network: system
// fonts, CSS shapes and inline SVG only.
//
// Colours live in PALETTE so a test can check every text/background pair for WCAG AA (4.5:1)
// in both schemes; the CSS custom properties below are generated from it.

type Scheme = {
  bg: string; text: string; muted: string; border: string; control: string;
  safety: string; realistic: string; reach: string; ineligible: string; unknown: string;
  primaryBg: string; primaryText: string; focus: string;
};

export const PALETTE: { light: Scheme; dark: Scheme } = {
  light: {
    bg: '#ffffff', text: '#1f2328', muted: '#57606a', border: '#d0d7de', control: '#8c959f',
    safety: '#1a7f37', realistic: '#0a61c9', reach: '#8a5a00', ineligible: '#c11f2b', unknown: '#5c6570',
    primaryBg: '#0a61c9', primaryText: '#ffffff', focus: '#0a61c9',
  },
  dark: {
    bg: '#1c2128', text: '#e6edf3', muted: '#a2abb5', border: '#444c56', control: '#768390',
    safety: '#4ac26b', realistic: '#6cb0ff', reach: '#e3a32a', ineligible: '#ff7b72', unknown: '#a2abb5',
    primaryBg: '#6cb0ff', primaryText: '#0d1117', focus: '#6cb0ff',
  },
};

const vars = (s: Scheme) =>
  Object.entries(s)
    .map(([k, v]) => `--sp-${k}:${v};`)
    .join('');

/**
 * z-index 999999: above ordinary page content, sticky headers and most page modals (which sit
 * in the hundreds to tens of thousands), yet below the 2^31 range that chat widgets and
 * cookie-consent layers use, so the page's own must-answer overlays stay on top of us.
 */
export const BADGE_Z_INDEX = 999999;

// (No comments inside the string: they would ship. The resets sit at zero specificity (:where) so
// every component class overrides them; the dialog takes focus on opening only so its content is
// read next — it is not a control, so it draws no focus ring.)
export const BADGE_CSS = `
.sp-root{all:initial;${vars(PALETTE.light)}
position:fixed;z-index:${BADGE_Z_INDEX};display:flex;gap:8px;max-width:calc(100vw - 32px);
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
font-size:13px;line-height:1.4;color:var(--sp-text);font-variant-numeric:tabular-nums;
-webkit-font-smoothing:antialiased;text-align:left;direction:ltr}
@media (prefers-color-scheme:dark){.sp-root{${vars(PALETTE.dark)}}}
.sp-root *,.sp-root *::before,.sp-root *::after{box-sizing:border-box}
.sp-root [hidden]{display:none!important}
.sp-root[data-corner^="bottom"]{bottom:16px;flex-direction:column-reverse}
.sp-root[data-corner^="top"]{top:16px;flex-direction:column}
.sp-root[data-corner$="right"]{right:16px;align-items:flex-end}
.sp-root[data-corner$="left"]{left:16px;align-items:flex-start}
.sp-root[data-dragging]{opacity:.85}
:where(.sp-root) button{font:inherit;color:inherit;margin:0;cursor:pointer;-webkit-appearance:none;appearance:none}
.sp-root :focus{outline:none}
.sp-root :focus-visible{outline:2px solid var(--sp-focus);outline-offset:2px}
.sp-root .sp-panel:focus{outline:none}
:where(.sp-root) :where(h2,h3,p,ul,blockquote){margin:0;padding:0;font:inherit}
:where(.sp-root) ul{list-style:none}
.sp-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}

.sp-bar{display:flex;align-items:center;gap:2px;height:32px;max-width:100%;padding:0 3px 0 0;
background:var(--sp-bg);border:1px solid var(--sp-border);border-radius:16px;
box-shadow:0 2px 8px rgba(0,0,0,.18)}
.sp-bar[data-tier="ineligible"]{border:2px solid var(--sp-ineligible)}
.sp-pill,.sp-label{display:inline-flex;align-items:center;gap:6px;height:30px;min-width:0;padding:0 8px 0 12px;
border:0;border-radius:15px;background:transparent;white-space:nowrap;overflow:hidden}
.sp-pill{touch-action:none;user-select:none;-webkit-user-select:none}
.sp-label{color:var(--sp-muted)}
.sp-why{overflow:hidden;text-overflow:ellipsis;max-width:260px;color:var(--sp-text)}
.sp-muted{color:var(--sp-muted)}
.sp-tier{display:inline-flex;align-items:center;gap:6px;font-weight:600;color:var(--sp-c,var(--sp-unknown))}
[data-tier="safety"]{--sp-c:var(--sp-safety)}
[data-tier="realistic"]{--sp-c:var(--sp-realistic)}
[data-tier="reach"]{--sp-c:var(--sp-reach)}
[data-tier="ineligible"]{--sp-c:var(--sp-ineligible)}
[data-tier="unknown"]{--sp-c:var(--sp-unknown)}
.sp-dot{flex:none;width:8px;height:8px;border-radius:50%;background:currentColor}
.sp-x{font-weight:700}
.sp-spin{flex:none;width:10px;height:10px;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;
animation:sp-spin .9s linear infinite,sp-in .2s .4s both}
@keyframes sp-spin{to{transform:rotate(360deg)}}
@keyframes sp-in{from{opacity:0}to{opacity:1}}
@media (prefers-reduced-motion:reduce){.sp-spin{animation:none}}

.sp-icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:24px;height:24px;padding:0;
border:0;border-radius:12px;background:transparent;color:var(--sp-muted);font-size:16px;line-height:1}
.sp-icon:hover,.sp-pill:hover{background:color-mix(in srgb,var(--sp-text) 8%,transparent)}
.sp-icon svg{width:14px;height:14px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.sp-root[data-corner^="top"] .sp-chev svg{transform:rotate(180deg)}

.sp-btn{display:inline-flex;align-items:center;gap:4px;min-height:30px;padding:4px 12px;border-radius:6px;
border:1px solid var(--sp-control);background:var(--sp-bg);font-weight:600;white-space:nowrap}
.sp-btn.sp-small{min-height:24px;padding:1px 8px;font-weight:500;font-size:12px}
.sp-primary{background:var(--sp-primaryBg);border-color:var(--sp-primaryBg);color:var(--sp-primaryText)}
.sp-btn[aria-disabled="true"]{opacity:.7;cursor:progress}

.sp-panel{width:380px;max-width:100%;max-height:min(70vh,600px);overflow:auto;overscroll-behavior:contain;
padding:12px 14px;background:var(--sp-bg);border:1px solid var(--sp-border);border-radius:12px;
box-shadow:0 8px 24px rgba(0,0,0,.22)}
.sp-head{display:flex;align-items:flex-start;gap:8px}
.sp-head>div{flex:1;min-width:0}
.sp-name{font-size:14px;font-weight:700;line-height:1.3}
.sp-score{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;margin-top:8px}
.sp-num{font-size:14px;font-weight:700}
.sp-note{margin-top:4px;font-size:12px;color:var(--sp-muted)}
.sp-sec{margin-top:12px;padding-top:10px;border-top:1px solid var(--sp-border)}
.sp-sec h3{font-size:12px;font-weight:700;letter-spacing:.02em;color:var(--sp-muted);margin-bottom:6px}
.sp-sec li{margin-top:6px}
.sp-reason{display:flex;align-items:baseline;gap:6px}
.sp-reason>.sp-txt{flex:1;min-width:0}
.sp-ico{flex:none;width:14px;text-align:center;font-weight:700}
.sp-fits .sp-ico{color:var(--sp-safety)}
.sp-against .sp-ico{color:var(--sp-reach)}
.sp-w{flex:none;font-weight:600;min-width:3.5ch;text-align:right}
.sp-deal{border-left:3px solid var(--sp-ineligible);padding-left:8px}
.sp-deal>p{font-weight:600}
.sp-quote{margin-top:3px;color:var(--sp-muted);font-style:italic;overflow-wrap:anywhere}
.sp-row{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:4px}
.sp-verify li::before{content:"? ";font-weight:700;color:var(--sp-muted)}
.sp-foot{margin-top:12px;padding-top:10px;border-top:1px solid var(--sp-border);display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px}
.sp-src{font-size:11px;color:var(--sp-muted)}
/* The list menu opens in the footer's flow, not as a popover: the panel scrolls, so a
   positioned menu could be clipped by it. */
.sp-menu{flex-basis:100%;order:3;padding:4px;border:1px solid var(--sp-border);border-radius:8px}
.sp-menu button{display:flex;align-items:center;gap:6px;width:100%;padding:5px 8px;border:0;border-radius:4px;background:transparent;text-align:left}
.sp-menu button:hover,.sp-menu button:focus{background:color-mix(in srgb,var(--sp-text) 10%,transparent)}
.sp-menu [role="separator"]{height:1px;margin:4px 0;background:var(--sp-border)}
.sp-check{width:12px;flex:none}
`;
