import '@sevabook/ui/testing/setup-tests';
import { beforeEach } from 'vitest';

// Every test is a fresh tab: nothing a previous test typed into a form is kept for it.
beforeEach(() => window.sessionStorage.clear());
