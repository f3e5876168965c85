// What an author's Vite app writes: the package by name, and its iframe helper.
import 'greymatter';
import { greymatterFrame } from 'greymatter/embed-host';

// Read by the test: the helper's function came through the bundle.
document.body.dataset.frameHelper = typeof greymatterFrame;
