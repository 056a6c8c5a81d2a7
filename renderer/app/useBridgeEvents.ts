import { useEffect, useEffectEvent } from 'react';
import type { ImportProgress, ImportReport, MenuCommand } from '../../preload/contract';
import { bridge } from '../bridge/bridge';

export interface BridgeEventHandlers {
  onMenuCommand: (command: MenuCommand) => void;
  onImportFinished: (report: ImportReport) => void;
  onImportProgress: (progress: ImportProgress) => void;
}

/** Listens to what main pushes, for as long as the app is mounted. */
export function useBridgeEvents(handlers: BridgeEventHandlers) {
  const onMenuCommand = useEffectEvent(handlers.onMenuCommand);
  const onImportFinished = useEffectEvent(handlers.onImportFinished);
  const onImportProgress = useEffectEvent(handlers.onImportProgress);

  useEffect(() => {
    const api = bridge();
    const unsubscribers = [
      api.subscribe('menu:command', (command) => onMenuCommand(command)),
      api.subscribe('import:finished', (report) => onImportFinished(report)),
      api.subscribe('import:progress', (progress) => onImportProgress(progress)),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, []);
}
