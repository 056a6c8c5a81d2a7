import type { AppNotice } from '../../preload/contract';

export type NoticeInput = Omit<AppNotice, 'id'>;

export interface NoticeBoard {
  post(notice: NoticeInput): void;
  /** Everything posted since start: a window asks once it listens, so nothing said before is lost. */
  all(): AppNotice[];
}

/** Keeps what main told the user during this run and pushes each new notice to the windows. */
export function createNoticeBoard(send: (notice: AppNotice) => void): NoticeBoard {
  const notices: AppNotice[] = [];
  return {
    post(input) {
      const notice = { id: notices.length + 1, ...input };
      notices.push(notice);
      send(notice);
    },
    all: () => [...notices],
  };
}
