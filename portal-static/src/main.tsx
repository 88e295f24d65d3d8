import { render } from 'preact';
import { App } from './app/App';
import { pathUrlToHash } from './app/router';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';

// A customer may type or receive "/cliente/<slug>" without the hash; the static host serves
// index.html for it (navigation fallback) and the app moves the path into the hash.
const hashUrl = pathUrlToHash(location.pathname, location.hash, location.search);
if (hashUrl) location.replace(hashUrl);
else render(<App />, document.getElementById('app')!);
