/// The editor page's styles, served at `/_casebook/editor/editor.css` after the site's own
/// stylesheet, whose custom properties (colours, radius, focus ring) it uses, with fallbacks.
/// A file rather than inline styles, so the site's Content-Security-Policy (`style-src 'self'`) holds.
enum EditorStyle {
    static let source = #"""
    /* Casebook editor (served by `casebook serve` only). */
    html:has(.ed-page) { scroll-padding-bottom: 6rem; }  /* a focused field never hides under the save bar */
    .ed-page { background: var(--paper, #fbfaf7); color: var(--ink, #1c2430); }
    .ed-wrap { max-width: 80rem; margin: 0 auto; padding: 0 1.25rem; }
    .ed-header { background: var(--card, #fff); border-bottom: 1px solid var(--line, #d5dae1); }
    .ed-header .ed-wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
    .ed-brand { font-weight: 700; font-size: 1.2rem; color: var(--ink, #1c2430); }
    .ed-tag { font-size: 0.9rem; color: var(--muted, #4f5b69); }
    .ed-intro { max-width: var(--measure, 70ch); }
    .ed-page h1 { margin-bottom: 0.25rem; }

    /* Sections and fields */
    .ed-form { display: grid; gap: 1.5rem; }
    .ed-section { border: 1px solid var(--line, #d5dae1); border-radius: var(--radius, 8px); background: var(--card, #fff); padding: 0.75rem 1.25rem 1.25rem; margin: 0; min-width: 0; }
    .ed-section > legend { padding: 0 0.4rem; margin-left: -0.4rem; }
    .ed-section > legend h2 { margin: 0; font-size: 1.3rem; }
    .ed-section-intro { margin: 0.25rem 0 1rem; color: var(--muted, #4f5b69); max-width: var(--measure, 70ch); }
    .ed-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); gap: 0.9rem 1.25rem; }
    .ed-field { display: flex; flex-direction: column; gap: 0.2rem; min-width: 0; }
    .ed-field.ed-wide { grid-column: 1 / -1; }
    .ed-field > label, .ed-label { font-weight: 600; }
    .ed-required { color: var(--muted, #4f5b69); font-weight: 400; font-size: 0.9rem; }
    .ed-help { margin: 0; font-size: 0.9rem; color: var(--muted, #4f5b69); }
    .ed-page input[type="text"], .ed-page input[type="url"], .ed-page input:not([type]), .ed-page select, .ed-page textarea {
      font: inherit; font-size: 1rem; color: var(--ink, #1c2430); background: var(--card, #fff);
      border: 1px solid var(--muted, #4f5b69); border-radius: 6px; padding: 0.45rem 0.6rem; width: 100%; min-width: 0;
    }
    .ed-page textarea { min-height: 5.5rem; resize: vertical; line-height: 1.5; }
    .ed-page :is(input, select, textarea)[aria-invalid="true"] { border: 2px solid var(--low, #9b2c2c); }
    .ed-page :is(input, select, textarea).ed-warned { border: 2px solid var(--medium, #7a5200); }
    .ed-page :focus-visible { outline: 3px solid var(--focus, #c2410c); outline-offset: 2px; }
    .ed-checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); gap: 0.4rem 1.25rem; border: 0; padding: 0; margin: 0; min-width: 0; }
    .ed-checks > legend { font-weight: 600; padding: 0; margin-bottom: 0.4rem; }
    .ed-checks > .ed-wide { grid-column: 1 / -1; margin-top: -0.2rem; }
    .ed-check { display: flex; align-items: flex-start; gap: 0.5rem; }
    .ed-check input { width: 1.2rem; height: 1.2rem; margin: 0.2rem 0 0; flex: none; }
    .ed-check .ed-help { display: block; }
    .ed-description { color: var(--ink, #1c2430); }
    .ed-description:empty { display: none; }
    .ed-inline { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin-top: 0.75rem; }
    .ed-inline .ed-field { flex: 1 1 12rem; }

    /* Buttons */
    .ed-button { font: inherit; font-size: 1rem; cursor: pointer; border-radius: var(--radius, 8px); padding: 0.45rem 0.9rem;
      border: 2px solid var(--primary, #0b4a66); background: var(--card, #fff); color: var(--primary, #0b4a66); }
    .ed-button:hover { background: var(--primary-soft, #e3eef3); }
    .ed-button-main { background: var(--primary, #0b4a66); color: var(--on-primary, #fff); }
    .ed-button-main:hover { background: var(--primary-hover, #083a50); }
    .ed-button-small { font-size: 0.9rem; padding: 0.25rem 0.6rem; border-width: 1px; }
    .ed-button-danger { border-color: var(--low, #9b2c2c); color: var(--low, #9b2c2c); }
    .ed-button[disabled] { opacity: 0.55; cursor: not-allowed; }

    /* Lists of rows: figures and sources */
    .ed-rows { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
    .ed-row { border: 1px solid var(--line, #d5dae1); border-left: 4px solid var(--primary, #0b4a66); border-radius: var(--radius, 8px); padding: 0.5rem 1rem 1rem; margin: 0; min-width: 0; background: var(--paper, #fbfaf7); }
    .ed-row > legend { font-weight: 700; padding: 0 0.3rem; }
    .ed-row-tools { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.75rem; }
    .ed-more { margin-top: 0.75rem; }
    .ed-more > summary { cursor: pointer; font-weight: 600; color: var(--primary, #0b4a66); }
    .ed-more[open] > summary { margin-bottom: 0.6rem; }
    .ed-empty { color: var(--muted, #4f5b69); font-style: italic; margin: 0 0 0.5rem; }

    /* Problems */
    .ed-problems:empty { display: none; }
    .ed-problem { margin-top: 0.3rem; padding: 0.4rem 0.6rem; border-radius: 6px; font-size: 0.95rem;
      background: var(--accent-soft, #f7e7e1); border-left: 4px solid var(--low, #9b2c2c); color: var(--ink, #1c2430); }
    .ed-problem.ed-warning { border-left-color: var(--medium, #7a5200); background: var(--primary-soft, #e3eef3); }
    .ed-problem p { margin: 0; }
    .ed-problem, .ed-summary li, .ed-alert, .ed-notice, .ed-help { overflow-wrap: anywhere; }
    .ed-problem .ed-hint { color: var(--ink, #1c2430); margin-top: 0.15rem; }
    .ed-problem .ed-button { margin-top: 0.35rem; }
    .ed-summary { border: 2px solid var(--low, #9b2c2c); border-radius: var(--radius, 8px); background: var(--card, #fff); padding: 0.5rem 1.25rem 0.75rem; margin: 1rem 0; }
    .ed-summary.ed-only-warnings { border-color: var(--medium, #7a5200); }
    .ed-summary h2 { margin: 0.4rem 0; font-size: 1.2rem; }
    .ed-summary ul { margin: 0; padding-left: 1.25rem; }
    .ed-summary li { margin: 0.2rem 0; }
    .ed-alert { border: 2px solid var(--low, #9b2c2c); border-radius: var(--radius, 8px); background: var(--accent-soft, #f7e7e1); padding: 0.75rem 1rem; margin: 1rem 0; }
    .ed-alert p { margin: 0 0 0.5rem; }
    .ed-alert h2, .ed-notice h2 { margin: 0.2rem 0 0.5rem; font-size: 1.3rem; }
    .ed-notice { border: 2px solid var(--high, #1d6b3a); border-radius: var(--radius, 8px); background: var(--card, #fff); padding: 0.75rem 1rem; margin: 1rem 0; }
    .ed-notice p { margin: 0.2rem 0; }

    /* The story beside its preview */
    .ed-story { display: grid; grid-template-columns: 1fr; gap: 1rem; }
    .ed-story textarea { min-height: 24rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.95rem; }
    @media (min-width: 60rem) { .ed-story { grid-template-columns: 1fr 1fr; } .ed-story textarea { min-height: 38rem; } }
    .ed-story-preview { border: 1px dashed var(--line, #d5dae1); border-radius: var(--radius, 8px); padding: 0 1rem; background: var(--paper, #fbfaf7); overflow-wrap: anywhere; max-height: 40rem; overflow: auto; }
    .ed-story-preview img { max-width: 100%; }
    .ed-preview-title { font-weight: 600; margin: 0 0 0.2rem; }

    /* Saving */
    .ed-save { position: sticky; bottom: 0; z-index: 5; background: var(--card, #fff); border-top: 2px solid var(--primary, #0b4a66);
      padding: 0.75rem 1.25rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem 1rem; margin-top: 1rem; }
    .ed-save-status { flex: 1 1 16rem; margin: 0; }
    .ed-page-frame { width: 100%; height: 36rem; border: 1px solid var(--line, #d5dae1); border-radius: var(--radius, 8px); background: #fff; }
    .ed-image-preview { max-width: 14rem; max-height: 10rem; border-radius: 6px; border: 1px solid var(--line, #d5dae1); }
    .ed-page [hidden] { display: none !important; }
    """#
}
