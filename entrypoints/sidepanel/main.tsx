import { render } from 'preact';
import '../../src/ui/pages/pages.css';
import '../../src/ui/pages/buttons.css';
import '../../src/ui/sidepanel/sidepanel.css';
import { SidePanelApp } from '../../src/ui/sidepanel/SidePanelApp';

render(<SidePanelApp />, document.getElementById('app')!);
