// The page's entry. The shells pre-render the page (docs/first-paint.md), so there is something
// to show before the app runs: let the browser paint it first, then load and start the app, whose
// compile and first render would otherwise hold that paint back. Hidden pages get no frames
// (a window started hidden, a background tab): they start at once.
// The whole stylesheet is the entry's, so the page links it (and the shells inline it).
import './styles.css';

let started = false;
function start(): void {
  if (started) return;
  started = true;
  void import('./main.tsx');
}

if (document.visibilityState === 'hidden') start();
else {
  requestAnimationFrame(() => setTimeout(start, 0));
  // Frames can be withheld for other reasons (a throttled renderer): never wait long for one.
  setTimeout(start, 100);
}
