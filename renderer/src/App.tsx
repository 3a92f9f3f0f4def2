export function App() {
  return <main className="app">Referral Companion for Quantower</main>;
}
