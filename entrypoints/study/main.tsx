import definitions from 'virtual:termlight/definitions';
import { render } from 'preact';
import '../../src/ui/study/study.css';
import { StudySheet } from '../../src/ui/study/StudySheet';

render(<StudySheet definitions={definitions} />, document.getElementById('app')!);
