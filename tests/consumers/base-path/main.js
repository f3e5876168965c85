// Imports the element, then says where its core and stylesheets are, before it starts.
import { GreymatterPlayground } from '/code/greymatter/greymatter.js';

GreymatterPlayground.basePath = '/static/greymatter-files/';
