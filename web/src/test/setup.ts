import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// a busy build machine renders slowly: wait up to 5 s for what a test expects to appear
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
