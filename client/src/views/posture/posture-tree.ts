// The Account Posture TreeDataProvider: wraps the plain nodes of tree-model.ts in TreeItem
// subclasses (one per node kind, each with its contextValue for package.json menus).
import { EventEmitter, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, type Disposable, type TreeDataProvider } from 'vscode';
import { type CategoryNode, type CheckNode, type NodeIcon, type NoticeNode, type PostureNode, type RegionNode } from './tree-model';

function themeIcon(icon: NodeIcon): ThemeIcon {
  return new ThemeIcon(icon.id, icon.color ? new ThemeColor(icon.color) : undefined);
}

function tooltip(markdown: string): MarkdownString {
  const md = new MarkdownString(markdown, true);
  md.isTrusted = false;
  return md;
}

/** Common look of every node: id, label, description, icon, tooltip, context value. */
abstract class PostureItem<N extends PostureNode> extends TreeItem {
  constructor(readonly node: N, collapsible: TreeItemCollapsibleState) {
    super(node.label, collapsible);
    this.id = node.id;
    this.description = node.description;
    this.iconPath = themeIcon(node.icon);
    this.tooltip = tooltip(node.tooltip);
    this.contextValue = node.contextValue;
    this.accessibilityInformation = { label: node.spoken };
  }
}

const expansion = (expanded: boolean | undefined): TreeItemCollapsibleState => (expanded ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.Collapsed);

/** A checked Region (or `Global`). */
export class RegionItem extends PostureItem<RegionNode> {
  constructor(node: RegionNode) {
    super(node, expansion(node.expanded));
  }
}

/** A category of the checklist within a Region. */
export class CategoryItem extends PostureItem<CategoryNode> {
  constructor(node: CategoryNode) {
    super(node, expansion(node.expanded));
  }
}

/** One check's result; its context value lists the remediation actions it offers. */
export class CheckItem extends PostureItem<CheckNode> {
  constructor(node: CheckNode) {
    super(node, TreeItemCollapsibleState.None);
  }
}

/** A run-level message (could not run, no Region, checking…), optionally clickable. */
export class NoticeItem extends PostureItem<NoticeNode> {
  constructor(node: NoticeNode) {
    super(node, TreeItemCollapsibleState.None);
    if (node.command) this.command = { command: node.command.id, title: node.command.title };
  }
}

/** Serves the current nodes to the tree view; `show` replaces them all. */
export class PostureTreeProvider implements TreeDataProvider<PostureNode>, Disposable {
  private roots: PostureNode[] = [];
  private readonly parents = new Map<string, PostureNode>();
  private readonly changed = new EventEmitter<PostureNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** The nodes shown at the top level. */
  get nodes(): readonly PostureNode[] {
    return this.roots;
  }

  /** Replaces the tree (an empty list shows the view's welcome content). */
  show(nodes: PostureNode[]): void {
    this.roots = nodes;
    this.parents.clear();
    const walk = (parent: PostureNode): void => {
      for (const child of childrenOf(parent)) {
        this.parents.set(child.id, parent);
        walk(child);
      }
    };
    nodes.forEach(walk);
    this.changed.fire(undefined);
  }

  getTreeItem(node: PostureNode): TreeItem {
    switch (node.kind) {
      case 'region':
        return new RegionItem(node);
      case 'category':
        return new CategoryItem(node);
      case 'check':
        return new CheckItem(node);
      case 'notice':
        return new NoticeItem(node);
    }
  }

  getChildren(node?: PostureNode): PostureNode[] {
    return node ? childrenOf(node) : this.roots;
  }

  getParent(node: PostureNode): PostureNode | undefined {
    return this.parents.get(node.id);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function childrenOf(node: PostureNode): PostureNode[] {
  return node.kind === 'region' || node.kind === 'category' ? node.children : [];
}
