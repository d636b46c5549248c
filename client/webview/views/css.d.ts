// Style sheets imported for their side effect: esbuild bundles them into dist/media/timeline.css.
declare module '*.css';
