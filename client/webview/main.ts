// The timeline webview's entry point (see app.ts).
document.getElementById('app')?.append('Loading the timeline…');
