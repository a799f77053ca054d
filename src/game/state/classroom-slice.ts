import type { StateCreator } from 'zustand/vanilla';
import type { StoreMutators } from './mutators';
import type { ClassroomActions, ClassroomState, GameStore } from './types';

export const EMPTY_CLASSROOM_VIEW: ClassroomState['classroom'] = {
  membership: null,
  items: [],
  pending: 0,
  standing: null,
  reachable: null,
  problem: null,
  nextRetryAt: null,
};

/** A mirror of the ClassroomService's view (the service owns the logic and its own storage). */
export const createClassroomSlice: StateCreator<GameStore, StoreMutators, [], ClassroomState & ClassroomActions> = (
  set,
) => ({
  classroom: EMPTY_CLASSROOM_VIEW,
  setClassroomView: (classroom) => set({ classroom }),
});
