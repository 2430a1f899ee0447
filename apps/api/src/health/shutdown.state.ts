import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** Flips when shutdown starts so /health/ready answers 503 and load balancers stop sending work. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  shuttingDown = false;

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }
}
