import termIndex from 'virtual:termlight/term-index';
import 'pdfjs-dist/web/pdf_viewer.css';
import '../../src/page/highlights.css';
import '../../src/reader/reader.css';
import { CompactTermIndex } from '../../src/match/index-format';
import { startReader } from '../../src/reader/app';

void startReader(new CompactTermIndex(termIndex));
