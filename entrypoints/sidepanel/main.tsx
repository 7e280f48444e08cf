import { createRoot } from 'react-dom/client';
import { App } from './App';
import '@/components/base.css';

createRoot(document.getElementById('root')!).render(<App />);
