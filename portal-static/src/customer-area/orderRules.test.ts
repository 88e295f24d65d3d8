import { describe, expect, it } from 'vitest';
import type { OrderDetail } from './customerAreaApi';
import { approvalState, canUploadSignedContract, formatFileSize, periodError, signedContractFileError, statusStyles } from './orderRules';

function order(over: Partial<OrderDetail> = {}): OrderDetail {
  return { id: 'o1', number: 10, date: '2026-07-01', status: 'proposta', total: 100, items: [], attachments: [{ kind: 'proposal' }], ...over };
}

describe('approval rules', () => {
  it('allows approving a proposal without a contract', () => {
    expect(approvalState(order())).toEqual({ allowed: true });
  });

  it('asks for the signed contract when the order has a contract, and allows once it is there', () => {
    const withContract = order({ hasContract: true, attachments: [{ kind: 'proposal' }, { kind: 'contract' }] });
    expect(approvalState(withContract)).toEqual({ allowed: false, reason: 'Anexe o contrato assinado para liberar a aprovação da proposta.' });
    expect(approvalState({ ...withContract, attachments: [...withContract.attachments, { kind: 'signed-contract' }] })).toEqual({ allowed: true });
  });

  it('treats a contract attachment as "has a contract" even without the flag', () => {
    expect(approvalState(order({ attachments: [{ kind: 'contract' }] })).allowed).toBe(false);
  });

  it('refuses orders past Proposta, whatever the casing of the status', () => {
    expect(approvalState(order({ status: 'Aprovado' }))).toEqual({ allowed: false, reason: 'Esta proposta já foi aprovada.' });
    expect(approvalState(order({ status: 'pedido' }))).toEqual({ allowed: false, reason: 'Somente propostas podem ser aprovadas.' });
  });

  it('follows the server verdict and its reason when sent', () => {
    expect(approvalState(order({ canApprove: false, approveBlockedReason: 'Envie o contrato assinado antes de aprovar a proposta.' }))).toEqual({
      allowed: false,
      reason: 'Envie o contrato assinado antes de aprovar a proposta.',
    });
    expect(approvalState(order({ hasContract: true, hasSignedContract: true }))).toEqual({ allowed: true });
  });

  it('offers the signed-contract upload only for proposals that have a contract', () => {
    expect(canUploadSignedContract(order({ hasContract: true }))).toBe(true);
    expect(canUploadSignedContract(order())).toBe(false);
    expect(canUploadSignedContract(order({ hasContract: true, status: 'aprovado' }))).toBe(false);
  });
});

describe('signed contract file check', () => {
  it('accepts a PDF up to 10 MB', () => {
    expect(signedContractFileError({ name: 'contrato.pdf', size: 10 * 1024 * 1024, type: 'application/pdf' })).toBeNull();
    expect(signedContractFileError({ name: 'SCAN.PDF', size: 2000, type: '' })).toBeNull();
  });

  it('refuses other types, empty and oversized files with a pt-BR message', () => {
    expect(signedContractFileError(null)).toBe('Escolha o arquivo do contrato assinado.');
    expect(signedContractFileError({ name: 'foto.jpg', size: 2000, type: 'image/jpeg' })).toBe('Envie o contrato assinado em PDF.');
    expect(signedContractFileError({ name: 'c.pdf', size: 0, type: 'application/pdf' })).toBe('O arquivo está vazio.');
    expect(signedContractFileError({ name: 'c.pdf', size: 10 * 1024 * 1024 + 1, type: 'application/pdf' })).toBe('O arquivo tem 10 MB: o limite é 10 MB.');
    expect(signedContractFileError({ name: 'c.pdf', size: 12.5 * 1024 * 1024, type: 'application/pdf' })).toBe('O arquivo tem 12,5 MB: o limite é 10 MB.');
  });

  it('formats sizes in pt-BR', () => {
    expect(formatFileSize(512)).toBe('512 bytes');
    expect(formatFileSize(830 * 1024)).toBe('830 KB');
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('2,5 MB');
  });
});

describe('status labels and period', () => {
  it('shows Aprovado as "Aguardando faturamento" and an unknown status with the server label', () => {
    expect(statusStyles({ status: 'aprovado' })['aprovado']!.label).toBe('Aguardando faturamento');
    expect(statusStyles({ status: 'emAnalise', statusLabel: 'Em análise' })['emAnalise']!.label).toBe('Em análise');
  });

  it('refuses a reversed period', () => {
    expect(periodError('2026-07-10', '2026-07-01')).toBe('A data final deve ser igual ou posterior à inicial.');
    expect(periodError('2026-07-01', '2026-07-01')).toBeNull();
    expect(periodError(null, '2026-07-01')).toBeNull();
  });
});
