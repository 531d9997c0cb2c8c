import definitions from 'virtual:termlight/definitions';
import { render } from 'preact';
import '../../src/ui/pages/pages.css';
import '../../src/ui/pages/buttons.css';
import { PopupApp } from '../../src/ui/pages/PopupApp';

render(<PopupApp definitions={definitions} />, document.getElementById('app')!);
