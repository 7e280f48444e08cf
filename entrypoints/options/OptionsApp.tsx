/** Options page — built in its own issue. */
export function OptionsApp() {
  return <h1>Huashu</h1>;
}
