// For component tests: props a test changes one at a time, as a parent component would.
// `rerender` hands the component a new props object, so every prop reads as changed and an
// effect re-runs whatever it depends on; setting one key here re-runs only what reads it.
export function liveProps<T extends Record<string, unknown>>(initial: T): T {
  const props = $state(initial);
  return props;
}
