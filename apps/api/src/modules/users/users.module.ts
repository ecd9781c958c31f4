import { Module } from '@nestjs/common';
import { OwnPasswordController } from './own-password.controller.js';
import { OwnPasswordService } from './own-password.service.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Account management and one's own password (POST /api/auth/password). */
@Module({
  controllers: [UsersController, OwnPasswordController],
  providers: [UsersService, OwnPasswordService, UsersRepository],
})
export class UsersModule {}
