// The list's own rules (rows' controls, notes, page links, the full page's search and filters, the
// undo bar), appended to POPUP_CSS. Same palette variables, no network, no outline removal: the
// global :focus-visible ring stays on every control. Layout works from 380 px up: controls wrap
// into two columns in the popup and one row on a wide page.

export const LIST_CSS = `
.sp-row-foot select{min-height:26px;padding:1px 6px;font-size:12px}
.sp-status{border-radius:13px}
.sp-status[data-status="applied"],.sp-status[data-status="interview"]{border-color:var(--sp-safety);font-weight:600}
.sp-status[data-status="rejected"],.sp-status[data-status="withdrawn"]{color:var(--sp-muted)}
.sp-notes-toggle{font-size:12px}
.sp-note-preview{flex-basis:100%;font-size:12px;color:var(--sp-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.sp-notes{flex-basis:100%;display:flex;flex-direction:column;align-items:flex-start;gap:4px;margin-top:2px}
.sp-notes textarea{width:100%;min-height:56px;padding:4px 8px;resize:vertical;font:inherit;color:inherit;
background:var(--sp-bg);border:1px solid var(--sp-control);border-radius:6px}
.sp-notes-saved{font-size:12px;color:var(--sp-safety);font-weight:600}
.sp-pages{display:flex;flex-wrap:wrap;gap:2px 10px;margin-top:4px;font-size:12px}
.sp-pages-label{color:var(--sp-muted)}
.sp-pages a{overflow-wrap:anywhere}
.sp-tier-h:focus{outline-offset:1px}
.sp-controls{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px 10px;margin:4px 0 8px}
.sp-controls .sp-search{grid-column:1/-1}
.sp-controls select,.sp-controls input{width:100%;min-width:0}
.sp-controls label{font-size:12px}
.sp-reset{grid-column:1/-1}
html[data-mode="page"] .sp-controls{grid-template-columns:repeat(auto-fit,minmax(130px,1fr))}
.sp-result{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;margin:4px 0}
.sp-count{font-weight:600}
.sp-focus{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:4px 8px;border-left:3px solid var(--sp-reach)}
.sp-nomatch{margin-top:10px}
.sp-undo-bar{position:sticky;bottom:0;z-index:1}
.sp-undo{display:flex;flex-wrap:wrap;align-items:center;gap:2px 6px;margin-top:8px;padding:6px 10px;border-radius:6px;
background:var(--sp-text);color:var(--sp-bg);font-weight:600}
.sp-undo .sp-link{color:var(--sp-bg);font-weight:700}
.sp-undo .sp-link:focus-visible{outline-color:var(--sp-bg)}
html[data-mode="page"] .sp-row{content-visibility:auto;contain-intrinsic-size:auto 84px}
`;
