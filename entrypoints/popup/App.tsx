import { useEffect, useMemo, useState } from 'preact/hooks';
import { Popup, type PopupActions, type View } from '@/components/popup/Popup';
import { createPopupActions } from '@/lib/platform/popup-actions';

// Composition root of popup.html: the real actions, and the view named by the address's hash
// (#list, #profile, #welcome: the badge and the install hook open those in a tab).

const VIEWS: readonly View[] = ['list', 'profile', 'welcome'];

export const viewFromHash = (hash: string): View => {
  const h = hash.replace(/^#/, '') as View;
  return VIEWS.includes(h) ? h : 'home';
};

const TITLES: Record<View, string> = {
  home: 'SmartPick',
  list: 'Your programs — SmartPick',
  profile: 'Your profile — SmartPick',
  welcome: 'Welcome — SmartPick',
};

export function App({ inTab }: { inTab: boolean }) {
  const [view, setView] = useState<View>(() => viewFromHash(location.hash));
  // Typed against the component's contract: the platform module does not import components.
  const actions: PopupActions = useMemo(() => createPopupActions(), []);

  useEffect(() => {
    const onHash = () => setView(viewFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = TITLES[view];
  }, [view]);

  const navigate = (v: View) => {
    location.hash = v === 'home' ? '' : v;
  };

  return <Popup view={view} actions={actions} navigate={navigate} inTab={inTab} />;
}
