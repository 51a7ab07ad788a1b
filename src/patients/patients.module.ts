import { Module } from '@nestjs/common';
import { PatientRepository } from './patient.repository.js';
import { PatientService } from './patient.service.js';

@Module({ providers: [PatientRepository, PatientService], exports: [PatientService] })
export class PatientsModule {}
