// The timeline webview's entry point: styles (bundled to dist/media/timeline.css) and the shell (app.ts).
import './styles.css';
import { TimelineApp } from './app';
import { vscodeApi } from './vscodeApi';

const root = document.getElementById('app');
if (root) new TimelineApp(root, vscodeApi());
