import { z } from 'zod';
import type { AppCommand } from '../dto/app';
import { answers, stream } from './define';

export const appStreams = {
  'app:commands': stream(z.undefined(), answers<AppCommand>()),
};
