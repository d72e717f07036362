// The questions lint rules, hover and navigation ask the workspace index.
import type { Selector } from '../../../runtime/src/api/selectors';
import type { IndexedResource } from './resources';

export interface WorkspaceQuery {
  /** Pods and pod templates in `namespace` whose labels `selector` matches. */
  podsMatching(namespace: string, selector: Selector): IndexedResource[];
  /** Objects in `namespace` whose selector matches `labels` (Services and controllers). */
  selectorsMatching(namespace: string, labels: Record<string, string>): IndexedResource[];
}
