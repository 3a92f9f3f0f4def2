// Words of the shared layout components (renderer/src/ui/): disclosures, list details.
export const layout = {
  details: 'Details',
  showDetails: 'Show details',
  hideDetails: 'Hide details',
};
