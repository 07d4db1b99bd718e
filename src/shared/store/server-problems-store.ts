// The bootstrap API's last verdict on the draft: the problems it named, mapped to draft fields,
// and the draft it judged. Memory only; each problem is shown beside its field until that
// field changes (see stillStanding).
import { create } from 'zustand';
import type { FieldError } from '../lib/draft-defaults';
import type { Draft } from '../schemas/draft';

interface ServerProblemsState {
  problems: readonly FieldError[];
  judged: Draft | null;
  setServerProblems: (problems: readonly FieldError[], judged: Draft) => void;
  clearServerProblems: () => void;
}

export const useServerProblemsStore = create<ServerProblemsState>()((set) => ({
  problems: [],
  judged: null,
  setServerProblems: (problems, judged) => set({ problems, judged }),
  clearServerProblems: () => set({ problems: [], judged: null }),
}));
