import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LIST_CSS } from '@/components/popup/list-styles';
import { POPUP_CSS } from '@/components/popup/styles';
import { App } from './App';

// The toolbar popup opens popup.html bare; the badge and the install hook open popup.html#view in
// a tab. A tab gets the full-width layout, the popup a fixed 380 px.
const style = document.createElement('style');
style.textContent = POPUP_CSS + LIST_CSS;
document.head.append(style);

const root = document.getElementById('app')!;
const draw = (inTab: boolean) => {
  document.documentElement.dataset.mode = inTab ? 'page' : 'popup';
  render(<App inTab={inTab} />, root);
};

const guess = location.hash.length > 1;
draw(guess);
// tabs.getCurrent answers undefined in the toolbar popup and the tab otherwise.
browser.tabs
  .getCurrent()
  .then((tab) => {
    if (Boolean(tab) !== guess) draw(Boolean(tab));
  })
  .catch(() => {});
