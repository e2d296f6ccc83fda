export function App() {
  return (
    <main>
      <h1>SmartPick</h1>
      <p>Open a residency program page on FREIDA to see how it fits you.</p>
    </main>
  );
}
