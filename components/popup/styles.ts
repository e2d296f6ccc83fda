import { PALETTE } from '../badge/styles';

// The popup's stylesheet, built from the badge's palette so tier colours match everywhere (and
// the badge's contrast test covers them). System fonts only: nothing loads from the network.
// popup.html sets data-mode="popup" (toolbar popup, 380 px) or "page" (opened in a tab).

const vars = (s: Record<string, string>) =>
  Object.entries(s)
    .map(([k, v]) => `--sp-${k}:${v};`)
    .join('');

export const POPUP_CSS = `
:root{${vars(PALETTE.light)}color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${vars(PALETTE.dark)}}}
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;background:var(--sp-bg);color:var(--sp-text)}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
font-size:13px;line-height:1.45;font-variant-numeric:tabular-nums;-webkit-font-smoothing:antialiased}
html[data-mode="popup"] body{width:380px}
.sp-app{padding:12px 14px 14px}
html[data-mode="page"] .sp-app{max-width:760px;margin:0 auto;padding:24px 20px 40px;font-size:14px}
[hidden]{display:none!important}
h1,h2,p,ul,ol{margin:0}
h1{font-size:16px;font-weight:700;line-height:1.3}
h1:focus{outline:none}
h2{font-size:13px;font-weight:700}
a{color:var(--sp-realistic);text-underline-offset:2px}
:focus-visible{outline:2px solid var(--sp-focus);outline-offset:2px}
.sp-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.sp-muted,.sp-hint{color:var(--sp-muted)}
.sp-hint{display:block;font-size:12px;margin-top:2px}
.sp-top{display:flex;align-items:center;justify-content:space-between;gap:8px;margin-bottom:6px}
.sp-summary{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;margin-bottom:10px}
.sp-summary-text{font-weight:600}
.sp-setup{font-weight:600}
.sp-note{margin:8px 0;padding:6px 8px;border-left:3px solid var(--sp-unknown)}
.sp-disclaimer{margin-top:12px;font-size:12px;color:var(--sp-muted)}
.sp-sec{margin-top:12px;padding-top:10px;border-top:1px solid var(--sp-border)}
.sp-sec h2{margin-bottom:6px}
.sp-error{margin-top:6px;color:var(--sp-ineligible);font-weight:600}
.sp-status-line{margin-top:6px;min-height:0}
.sp-status-line:empty{display:none}
.sp-error-box{margin-bottom:10px;padding:8px 10px;border:2px solid var(--sp-ineligible);border-radius:6px}
.sp-error-box ul{margin-top:4px;padding-left:18px}

button,select,input{font:inherit;color:inherit}
.sp-btn{display:inline-flex;align-items:center;gap:4px;min-height:30px;padding:4px 12px;border-radius:6px;
border:1px solid var(--sp-control);background:var(--sp-bg);font-weight:600;cursor:pointer}
.sp-btn:hover{background:color-mix(in srgb,var(--sp-text) 8%,var(--sp-bg))}
.sp-btn.sp-small{min-height:26px;padding:2px 10px;font-weight:500}
.sp-btn:disabled{opacity:.6;cursor:default}
.sp-primary,.sp-primary:hover{background:var(--sp-primaryBg);border-color:var(--sp-primaryBg);color:var(--sp-primaryText)}
.sp-btn[aria-disabled="true"]{opacity:.75;cursor:progress}
.sp-link{padding:0 2px;border:0;background:none;color:var(--sp-realistic);text-decoration:underline;text-underline-offset:2px;cursor:pointer}
.sp-icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:24px;height:24px;padding:0;
border:0;border-radius:12px;background:transparent;color:var(--sp-muted);font-size:16px;line-height:1;cursor:pointer}
.sp-icon:hover{background:color-mix(in srgb,var(--sp-text) 10%,transparent);color:var(--sp-text)}
select,input[type="text"]{min-height:30px;padding:3px 8px;border:1px solid var(--sp-control);border-radius:6px;background:var(--sp-bg)}
input[aria-invalid="true"],select[aria-invalid="true"]{border:2px solid var(--sp-ineligible)}
input[type="checkbox"],input[type="radio"]{width:16px;height:16px;margin:2px 0 0;flex:none;accent-color:var(--sp-realistic)}
.sp-check-page{margin-bottom:8px}

.sp-tier{margin-top:12px}
.sp-tier-h{display:flex;align-items:center;gap:6px;color:var(--sp-c,var(--sp-unknown));padding-bottom:4px;border-bottom:1px solid var(--sp-border)}
[data-tier="safety"]{--sp-c:var(--sp-safety)}
[data-tier="realistic"]{--sp-c:var(--sp-realistic)}
[data-tier="reach"]{--sp-c:var(--sp-reach)}
[data-tier="ineligible"]{--sp-c:var(--sp-ineligible)}
[data-tier="unknown"]{--sp-c:var(--sp-unknown)}
.sp-dot{flex:none;width:8px;height:8px;border-radius:50%;background:currentColor}
.sp-none,.sp-more{margin-top:4px;font-size:12px}
.sp-rows{list-style:none;padding:0}
.sp-row{padding:6px 0;border-bottom:1px solid var(--sp-border)}
.sp-row:last-child{border-bottom:0}
.sp-row-top{display:flex;align-items:center;gap:8px}
.sp-name{flex:1;min-width:0;font-weight:600;overflow-wrap:anywhere}
a.sp-name{color:var(--sp-text)}
a.sp-name:hover{color:var(--sp-realistic)}
.sp-score{flex:none;min-width:3ch;text-align:right;font-weight:700;color:var(--sp-c,var(--sp-unknown))}
.sp-facts{margin-top:2px;font-size:12px;color:var(--sp-muted)}
.sp-deal{margin-top:2px;font-size:12px;font-weight:600;color:var(--sp-ineligible)}
.sp-row-foot{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;margin-top:4px}
.sp-status{min-height:24px;padding:1px 6px;font-size:12px}
.sp-moved{font-size:12px;color:var(--sp-muted);font-style:italic}
.sp-moved .sp-link{font-style:normal;margin-left:4px}
.sp-full{margin-top:10px}

.sp-empty{margin-top:8px;padding:12px;border:1px dashed var(--sp-control);border-radius:8px}
.sp-empty h2{margin-bottom:4px}
.sp-steps{margin-top:6px;padding-left:20px}
.sp-steps li{margin-top:4px}
.sp-done{color:var(--sp-safety);font-weight:600}
.sp-welcome .sp-lead{margin-bottom:8px}
.sp-welcome .sp-steps{margin-bottom:10px}
.sp-privacy{margin-bottom:12px;padding:8px 10px;border-left:3px solid var(--sp-safety)}

.sp-form{display:flex;flex-direction:column;gap:12px}
.sp-back{margin-bottom:8px}
fieldset{margin:0;padding:0;border:0;min-width:0}
.sp-group{padding:10px 12px 12px;border:1px solid var(--sp-border);border-radius:8px;display:flex;flex-direction:column;gap:10px}
.sp-group>legend{padding:0 4px;font-weight:700;font-size:14px}
.sp-radios>legend{font-weight:600;margin-bottom:4px;padding:0}
.sp-pair{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.sp-field{display:flex;flex-direction:column;gap:2px;min-width:0}
.sp-field label{font-weight:600}
.sp-field input{width:100%}
.sp-check,.sp-radio{display:flex;flex-wrap:wrap;align-items:flex-start;gap:6px;margin-top:4px}
.sp-check label,.sp-radio-text{flex:1;min-width:0}
.sp-check label,.sp-radio label{cursor:pointer}
.sp-check .sp-error,.sp-check .sp-hint{flex-basis:100%}
.sp-radio-label{font-weight:600}
.sp-chips{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:2px 0 6px}
.sp-chip{display:inline-flex;align-items:center;gap:2px;padding:1px 2px 1px 10px;border:1px solid var(--sp-border);border-radius:14px}
.sp-chip-x{width:22px;height:22px}
.sp-add{display:flex;gap:6px;align-items:center}
.sp-add select{flex:1;min-width:0}
.sp-actions{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px}
.sp-actions .sp-status-line{margin-top:0;font-weight:600;color:var(--sp-safety)}
.sp-auto .sp-check{margin-top:0}
.sp-auto label{font-weight:600}
.sp-io .sp-actions{margin-bottom:4px}
.sp-preview{margin-top:8px;padding:10px 12px;border:1px solid var(--sp-border);border-radius:8px;display:flex;flex-direction:column;gap:8px}
.sp-preview h3{font-size:13px;margin:0;overflow-wrap:anywhere}
.sp-preview h3:focus-visible{outline-offset:1px}
.sp-preview-names ul{margin:2px 0 6px;padding-left:18px}
.sp-preview-names summary{cursor:pointer}
.sp-disclosure{padding:0;border:0;background:none;font:inherit;font-weight:700;cursor:pointer;color:inherit;text-align:left}
.sp-disclosure::before{content:"▸ ";display:inline-block;width:1.1em}
.sp-disclosure[aria-expanded="true"]::before{content:"▾ "}
.sp-add-program .sp-form{margin-top:8px}
.sp-danger,.sp-danger:hover{border-color:var(--sp-ineligible);color:var(--sp-ineligible)}
.sp-confirm{margin-top:6px;padding:10px 12px;border:2px solid var(--sp-ineligible);border-radius:8px;display:flex;flex-direction:column;gap:6px}
.sp-settings .sp-hint{margin-bottom:8px}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;
