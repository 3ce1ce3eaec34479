// One widget alone, for embedding: /widgets/{name}?... sets it up from the
// query string.

import { mountWidget } from './registry.js';
import { openSource } from './widgets/source.js';

const main = document.querySelector('[data-widget]');
await mountWidget(main.dataset.widget, main.querySelector('.card-body'), new URLSearchParams(location.search), { openSource });
document.body.dataset.ready = 'true';
