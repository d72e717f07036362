// The Service machinery the simulated cluster runs as components; the pure
// parts (env vars, DNS names, simulated requests) are used directly by the
// kubelet, describe and the CLI.

import type { ComponentFactory } from '../cluster';
import { startEndpointsController } from './endpoints';

export const SERVICE_CONTROLLERS: ComponentFactory[] = [startEndpointsController];
